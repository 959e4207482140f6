// One S3 server for the whole run, started by the first test class that asks for a bucket.
[assembly: AssemblyFixture(typeof(S3Server))]
