using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace VehicleImages.Testing.Postgres;

/// <summary>
/// A PostgreSQL cluster of the test run's own: initialised in a temporary folder, listening on a free loopback port
/// (and a socket in that folder), stopped and deleted at the end.
/// </summary>
internal sealed class PostgresCluster
{
    public const string SuperUser = "postgres";
    private const int StartAttempts = 3;

    // Durability is worth nothing in a cluster that is deleted after the run; speed is worth a lot.
    private static readonly string[] Settings =
    [
        "listen_addresses = '127.0.0.1'",
        "fsync = off",
        "synchronous_commit = off",
        "full_page_writes = off",
        "max_connections = 200",
    ];

    private readonly string _programs;

    private PostgresCluster(string programs, string folder, int port)
    {
        _programs = programs;
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    private string DataFolder => DataFolderOf(Folder);

    public static PostgresCluster Start()
    {
        var programs = PostgresBinaries.Folder();
        StaleClusters.Remove(programs);
        var folder = StaleClusters.CreateOwnedFolder();
        try
        {
            ServerCommand.GiveFolderToServer(folder);
            var data = DataFolderOf(folder);
            ServerCommand.Run(Path.Combine(programs, "initdb"),
                "-D", data, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync", "--no-instructions");
            File.AppendAllLines(Path.Combine(data, "postgresql.conf"), [.. Settings, $"unix_socket_directories = '{folder}'"]);
            return new PostgresCluster(programs, folder, StartOnFreePort(programs, folder));
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username={SuperUser};Database={database}";

    /// <summary>Stops the server, then deletes its folder.</summary>
    public void Stop()
    {
        StopServer(_programs, Folder, "fast");
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>
    /// Shuts the server down as an operator would ("fast": sessions are ended with 57P01) and keeps its data, so
    /// that <see cref="Resume"/> brings the same databases back.
    /// </summary>
    public void Halt() => StopServer(_programs, Folder, "fast");

    /// <summary>Starts a halted server again on its port.</summary>
    public void Resume() => StartServer(_programs, Folder, Port);

    /// <summary>Stops a server left running in a folder, without waiting for its clients.</summary>
    public static void StopServer(string programs, string folder, string mode) =>
        ServerCommand.Run(Path.Combine(programs, "pg_ctl"), "stop", "-D", DataFolderOf(folder), "-m", mode, "-w");

    private static int StartOnFreePort(string programs, string folder)
    {
        var log = Path.Combine(folder, "server.log");
        for (var attempt = 1; ; attempt++)
        {
            // Another process may take the port between our probe and the server's bind; then try another.
            var port = FreePort();
            try
            {
                StartServer(programs, folder, port);
                return port;
            }
            catch (InvalidOperationException e) when (attempt == StartAttempts)
            {
                throw new InvalidOperationException($"{e.Message}\nServer log:\n{(File.Exists(log) ? File.ReadAllText(log) : "(none)")}", e);
            }
            catch (InvalidOperationException)
            {
                // Most likely the port was taken; the next attempt probes a new one.
            }
        }
    }

    private static void StartServer(string programs, string folder, int port) =>
        ServerCommand.Run(Path.Combine(programs, "pg_ctl"),
            "start", "-D", DataFolderOf(folder), "-l", Path.Combine(folder, "server.log"), "-w", "-o", $"-p {port.ToString(CultureInfo.InvariantCulture)}");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string DataFolderOf(string folder) => Path.Combine(folder, "data");
}
