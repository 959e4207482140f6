using VehicleImages.Testing.Postgres;

// One PostgreSQL server and one S3 server (Ceph RGW) for the run, started by the first test that asks for them.
[assembly: AssemblyFixture(typeof(PostgresServer))]
[assembly: AssemblyFixture(typeof(S3Server))]
