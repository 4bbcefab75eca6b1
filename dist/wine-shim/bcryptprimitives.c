/*
 * TEST-ONLY shim for running reportal.exe under Wine 8 (Debian bookworm's
 * wine64). Never shipped: dist/windows.sh does not put it in the zip, and
 * real Windows (10 and later) has its own bcryptprimitives.dll.
 *
 * Rust's standard library (since 1.78) takes its random bytes from
 * ProcessPrng in bcryptprimitives.dll, which Wine gained only in 9.x.
 * This DLL exports ProcessPrng and fills the buffer from advapi32's
 * RtlGenRandom (SystemFunction036), which Wine 8 has. dist/wine-smoke.sh
 * builds it with x86_64-w64-mingw32-gcc and puts it beside the .exe in
 * its own temporary folder only.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    /* RtlGenRandom takes a ULONG length: feed it in pieces. */
    while (length > 0) {
        ULONG piece = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, piece))
            return FALSE;
        data += piece;
        length -= piece;
    }
    return TRUE;
}
