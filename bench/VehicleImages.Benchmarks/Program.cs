using VehicleImages.Benchmarks;

return args switch
{
    ["ingest", var corpus, .. var rest] => await IngestBenchmark.RunAsync(corpus, rest),
    ["cutout", var corpus, .. var rest] => CutoutBenchmark.Run(corpus, rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: benchmarks ingest CORPUS_DIR [--rounds N]");
    Console.Error.WriteLine("       benchmarks cutout CORPUS_DIR [--rounds N]");
    return 2;
}
