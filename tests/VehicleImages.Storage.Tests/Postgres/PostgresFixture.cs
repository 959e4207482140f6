using VehicleImages.Testing.Postgres;

// One PostgreSQL server for the whole run, started by the first test that asks for a database.
[assembly: AssemblyFixture(typeof(PostgresServer))]
