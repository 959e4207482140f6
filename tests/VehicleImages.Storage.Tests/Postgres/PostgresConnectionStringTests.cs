using Npgsql;
using VehicleImages.Storage.Postgres;

namespace VehicleImages.Storage.Tests.Postgres;

public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void Npgsql_keywords_pass_through()
    {
        var keywords = Read("Host=db.internal;Port=6432;Username=app;Password=secret;Database=images;Maximum Pool Size=20");

        Assert.Equal("db.internal", keywords.Host);
        Assert.Equal(6432, keywords.Port);
        Assert.Equal("app", keywords.Username);
        Assert.Equal("secret", keywords.Password);
        Assert.Equal("images", keywords.Database);
        Assert.Equal(20, keywords.MaxPoolSize);
    }

    [Theory]
    [InlineData("postgres://app:secret@db.internal:6432/images")]
    [InlineData("postgresql://app:secret@db.internal:6432/images")]
    [InlineData("POSTGRES://app:secret@db.internal:6432/images")]
    public void A_url_gives_user_password_host_port_and_database(string url)
    {
        var keywords = Read(url);

        Assert.Equal("app", keywords.Username);
        Assert.Equal("secret", keywords.Password);
        Assert.Equal("db.internal", keywords.Host);
        Assert.Equal(6432, keywords.Port);
        Assert.Equal("images", keywords.Database);
    }

    [Fact]
    public void Percent_encoded_parts_are_decoded()
    {
        var keywords = Read("postgres://app%40corp:p%40ss%3Aw%2Frd%3B%3D@db/my%20images");

        Assert.Equal("app@corp", keywords.Username);
        Assert.Equal("p@ss:w/rd;=", keywords.Password);
        Assert.Equal("my images", keywords.Database);
    }

    [Fact]
    public void Parts_left_out_keep_npgsqls_defaults()
    {
        var keywords = Read("postgres://db.internal");

        Assert.Equal("db.internal", keywords.Host);
        Assert.Equal(NpgsqlConnection.DefaultPort, keywords.Port);
        Assert.Null(keywords.Username);
        Assert.Null(keywords.Password);
        Assert.Null(keywords.Database);
    }

    [Theory]
    [InlineData("disable", SslMode.Disable)]
    [InlineData("prefer", SslMode.Prefer)]
    [InlineData("require", SslMode.Require)]
    [InlineData("verify-ca", SslMode.VerifyCA)]
    [InlineData("verify-full", SslMode.VerifyFull)]
    public void Libpq_ssl_modes_become_npgsqls(string libpq, SslMode npgsql)
    {
        Assert.Equal(npgsql, Read($"postgres://app@db/images?sslmode={libpq}").SslMode);
    }

    [Fact]
    public void Libpq_parameters_become_npgsql_keywords()
    {
        var keywords = Read(
            "postgres://app@db/images?application_name=vehicle%20images&connect_timeout=7&sslrootcert=%2Fetc%2Fca.pem&target_session_attrs=read-write");

        Assert.Equal("vehicle images", keywords.ApplicationName);
        Assert.Equal(7, keywords.Timeout);
        Assert.Equal("/etc/ca.pem", keywords.RootCertificate);
        Assert.Equal("read-write", keywords.TargetSessionAttributes);
    }

    [Fact]
    public void Npgsql_keywords_are_accepted_as_url_parameters()
    {
        var keywords = Read("postgres://app@db/images?Maximum%20Pool%20Size=50&pooling=true");

        Assert.Equal(50, keywords.MaxPoolSize);
        Assert.True(keywords.Pooling);
    }

    [Fact]
    public void An_ipv6_host_comes_in_brackets()
    {
        var keywords = Read("postgres://app@[2001:db8::7]:6432/images");

        Assert.Equal("2001:db8::7", keywords.Host);
        Assert.Equal(6432, keywords.Port);
    }

    [Fact]
    public void A_socket_folder_is_a_percent_encoded_host()
    {
        Assert.Equal("/var/run/postgresql", Read("postgres://app@%2Fvar%2Frun%2Fpostgresql/images").Host);
        Assert.Equal("/var/run/postgresql", Read("postgres:///images?host=/var/run/postgresql").Host);
    }

    [Fact]
    public void Several_hosts_keep_a_port_each()
    {
        Assert.Equal("primary:5432,standby:5433", Read("postgres://app@primary:5432,standby:5433/images?target_session_attrs=primary").Host);
    }

    [Theory]
    [InlineData("postgres://app:hunter2@db/images?colour=red", "colour")]
    [InlineData("postgres://app:hunter2@db:54x2/images", "54x2")]
    [InlineData("postgres://app:hunter2@db/images?sslmode", "sslmode")]
    [InlineData("Host=db;Password=hunter2;Colour=red", "colour")]
    public void A_mistake_is_named_without_revealing_the_password(string connectionString, string named)
    {
        var error = Assert.Throws<FormatException>(() => PostgresConnectionString.Normalise(connectionString));

        Assert.Contains(named, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    private static NpgsqlConnectionStringBuilder Read(string connectionString) => new(PostgresConnectionString.Normalise(connectionString));
}
