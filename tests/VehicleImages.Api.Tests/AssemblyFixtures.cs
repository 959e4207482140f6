// One S3 server for the whole run, started by the first fixture that asks for a bucket (runs without S3 tests pay nothing).
[assembly: AssemblyFixture(typeof(S3Server))]
