# 命令结束时说的话（src/cmd/）。

count-reports = { $count } 份报告
