using VehicleImages.Testing.Postgres;

// One S3 server (Ceph RGW) and one PostgreSQL server for the whole run, each started by the first test that asks for it.
[assembly: AssemblyFixture(typeof(S3Server))]
[assembly: AssemblyFixture(typeof(PostgresServer))]
