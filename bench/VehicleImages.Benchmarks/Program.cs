using VehicleImages.Benchmarks;

return args switch
{
    ["catalog-scale", .. var rest] => await VehicleImages.Benchmarks.CatalogScale.CatalogScaleBenchmark.RunAsync(rest),
    ["ingest", var corpus, .. var rest] => await IngestBenchmark.RunAsync(corpus, rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: benchmarks ingest CORPUS_DIR [--rounds N]");
    return 2;
}
