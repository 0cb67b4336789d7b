//! coserr: the error catalogue of Tencent Cloud COS, Cloud Infinite (CI) and
//! Huawei Cloud OBS, and a decoder for the error responses they send.
//!
//! The library owns the data and the logic; the `coserr` binary owns clap,
//! colours and tables. Log pipelines can embed [`catalog`] and [`decode`]
//! without pulling in any of the command-line machinery.

pub mod catalog;
pub mod decode;
pub mod explain;
pub mod signature;
