using Npgsql;

namespace VehicleImages.Storage.Postgres;

/// <summary>
/// Reads the two ways operators write a PostgreSQL connection: Npgsql keywords ("Host=db;Username=app;…") or a
/// libpq URL ("postgres://app:secret@db:5432/images?sslmode=verify-full"), which hosting platforms hand out.
/// </summary>
internal static class PostgresConnectionString
{
    // libpq's URL parameter names and the Npgsql keywords that mean the same. Any other parameter must be an Npgsql
    // keyword itself ("Maximum Pool Size"), so nothing an operator writes is silently ignored.
    private static readonly Dictionary<string, string> LibpqNames = new(StringComparer.Ordinal)
    {
        ["host"] = "Host",
        ["port"] = "Port",
        ["user"] = "Username",
        ["password"] = "Password",
        ["dbname"] = "Database",
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
        ["channel_binding"] = "Channel Binding",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["target_session_attrs"] = "Target Session Attributes",
        ["options"] = "Options",
    };

    /// <summary>The Npgsql keyword form of either notation; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static string Normalise(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var text = connectionString.Trim();
        try
        {
            return IsUrl(text) ? FromUrl(text) : new NpgsqlConnectionStringBuilder(text).ConnectionString;
        }
        catch (ArgumentException e)
        {
            // The message never repeats the connection string: it usually holds a password.
            throw new FormatException($"The PostgreSQL connection string is not valid: {e.Message}", e);
        }
    }

    private static bool IsUrl(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    // postgres://[user[:password]@][host[:port][,host[:port]…]][/database][?name=value&…], every part percent-encoded
    // as libpq requires.
    private static string FromUrl(string url)
    {
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var builder = new NpgsqlConnectionStringBuilder();

        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryStart < 0 ? "" : rest[(queryStart + 1)..];
        rest = queryStart < 0 ? rest : rest[..queryStart];

        var pathStart = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = pathStart < 0 ? rest : rest[..pathStart];
        var database = pathStart < 0 ? "" : Decode(rest[(pathStart + 1)..]);

        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var user = authority[..at];
            var colon = user.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Decode(colon < 0 ? user : user[..colon]);
            if (colon >= 0)
            {
                builder.Password = Decode(user[(colon + 1)..]);
            }

            authority = authority[(at + 1)..];
        }

        SetHosts(builder, authority);
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"URL parameter '{Decode(pair)}' has no value.");
            }

            var name = Decode(pair[..equals]);
            var value = Decode(pair[(equals + 1)..]);
            builder[LibpqNames.GetValueOrDefault(name, name)] = name == "sslmode" ? SslMode(value) : value;
        }

        return builder.ConnectionString;
    }

    private static void SetHosts(NpgsqlConnectionStringBuilder builder, string hostList)
    {
        if (hostList.Length == 0)
        {
            return;
        }

        var hosts = hostList.Split(',').Select(SplitHost).ToArray();
        if (hosts.Length == 1)
        {
            builder.Host = hosts[0].Host;
            if (hosts[0].Port is { } port)
            {
                builder.Port = port;
            }

            return;
        }

        // Several hosts (a primary and its standbys): Npgsql takes them as one list with a port on each.
        builder.Host = string.Join(',', hosts.Select(h => h.Port is { } port ? $"{h.Host}:{port}" : h.Host));
    }

    private static (string Host, int? Port) SplitHost(string hostAndPort)
    {
        // An IPv6 address comes in brackets so that its colons are not read as a port separator.
        var portColon = hostAndPort.StartsWith('[') ? hostAndPort.IndexOf("]:", StringComparison.Ordinal) + 1 : hostAndPort.LastIndexOf(':');
        var host = portColon <= 0 ? hostAndPort : hostAndPort[..portColon];
        host = Decode(host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host);
        if (portColon <= 0)
        {
            return (host, null);
        }

        var portText = hostAndPort[(portColon + 1)..];
        return int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? (host, port)
            : throw new ArgumentException($"'{portText}' is not a port number.");
    }

    // libpq spells modes with hyphens (verify-full); Npgsql's enumeration does not (VerifyFull).
    private static string SslMode(string value) => value.Replace("-", "", StringComparison.Ordinal);

    private static string Decode(string part) => Uri.UnescapeDataString(part);
}
