using System.CommandLine;
using VehicleImages.Cli.Commands;

var root = new RootCommand("Vehicle Images: a self-hosted vehicle imagery service with CarsXE, auto.dev and OneAuto compatible APIs.");
root.Options.Add(CommonOptions.Data);
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(KeysCommand.Create());
root.Subcommands.Add(UsageCommand.Create());
root.Subcommands.Add(VinCommand.Create());
root.Subcommands.Add(BlobsCommand.Create());
root.Subcommands.Add(VisionCommand.Create());
return await root.Parse(args).InvokeAsync();
