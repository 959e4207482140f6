// One S3 server for the whole run, started by the first test that asks for it.
[assembly: AssemblyFixture(typeof(S3Server))]
