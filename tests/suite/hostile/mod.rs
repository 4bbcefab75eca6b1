//! Issue 14: files and folders written by a careless or hostile writer must
//! not leak, delete or crash. One module per kind of attack.
mod costs;
mod csv;
mod fuzz;
mod import;
mod markup;
mod paths;
mod remote;
mod serve;
