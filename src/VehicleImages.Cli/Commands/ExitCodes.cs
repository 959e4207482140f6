namespace VehicleImages.Cli.Commands;

/// <summary>Process exit codes: 0 done (rejected items are reported, not failures), 2 usage error, 3 a dependency is missing.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Usage = 2;
    public const int Unavailable = 3;
}
