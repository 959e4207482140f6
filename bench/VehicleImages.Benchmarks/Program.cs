using VehicleImages.Benchmarks;
using VehicleImages.Benchmarks.Common;

return args switch
{
    ["catalog-scale", .. var rest] => await VehicleImages.Benchmarks.CatalogScale.CatalogScaleBenchmark.RunAsync(rest),
    ["ingest", var corpus, .. var rest] => await IngestBenchmark.RunAsync(corpus, rest),
    ["ingest-breakdown", var corpus, .. var rest] => IngestBreakdown.Run(corpus, rest),
    ["vision-load", VisionLoad.OnceFlag] => VisionLoad.Once(),
    ["vision-load", .. var rest] => await VisionLoad.RunAsync(CommandLine.Parse(rest)),
    ["cutout", var corpus, .. var rest] => CutoutBenchmark.Run(corpus, rest),
    ["generate-catalog", .. var rest] => await CatalogGenerator.RunAsync(CommandLine.Parse(rest)),
    ["static-json-server", .. var rest] => await StaticJsonServer.RunAsync(CommandLine.Parse(rest)),
    ["wrk-compare", .. var rest] => await WrkComparison.RunAsync(CommandLine.Parse(rest)),
    ["sign-links", .. var rest] => await SignLinks.RunAsync(CommandLine.Parse(rest)),
    ["renditions", .. var rest] => await RenditionsBenchmark.RunAsync(CommandLine.Parse(rest)),
    ["render-worker", .. var rest] => RenderWorker.Run(CommandLine.Parse(rest)),
    ["api-breakdown", .. var rest] => await ApiBreakdown.RunAsync(CommandLine.Parse(rest)),
    ["media-breakdown", .. var rest] => await MediaBreakdown.RunAsync(CommandLine.Parse(rest)),
    ["access-breakdown", .. var rest] => await AccessBreakdown.RunAsync(CommandLine.Parse(rest)),
    ["vin-latency", .. var rest] => await VinLatency.RunAsync(CommandLine.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: benchmarks SUBCOMMAND ...   (the scripts in bench/ run these)
          ingest CORPUS_DIR [--rounds N]   (vision off and on, beside the libvips floor)
          ingest-breakdown CORPUS_DIR [--passes N]
          vision-load [--runs 7]   (bench/vision runs it after the peak-memory ingests)
          catalog-scale --postgres NPGSQL_KEYWORDS [--sizes 10000,100000,1000000] [--queries 1000] [--rounds 3]   (bench/catalog-scale starts PostgreSQL for it)
          cutout CORPUS_DIR [--rounds N]
          generate-catalog --data DIR --paths-out FILE [--catalog POSTGRES_URL] [--images 100000] [--makes 50] [--models-per-make 20] [--size Small] [--seed 1]
          static-json-server --body FILE --urls URL [--path /images]
          wrk-compare --lua FILE --side name=N,url=U,pid=P,paths=F --side ... [--rounds 5] [--wrk-args "-t2 -c32 -d10s"] [--target 0.5] [--title T]
          sign-links --data DIR --signing-key B64 --size SIZE --ours FILE --files FILE
          renditions --data DIR --server URL --server-pid PID --signing-key B64 --sharp-worker FILE [--size Large] [--rounds 5] [--concurrency N] [--target 0.9]
          render-worker --list FILE [--concurrency N]
          api-breakdown --data DIR --pairs FILE [--passes 3]
          media-breakdown --data DIR [--size Small] [--passes 3]
          access-breakdown --data DIR [--calls 200000] [--passes 5]
          vin-latency --vpic FILE [--manifest CSV] [--rounds 3] [--per-wmi 12] [--seed 1] [--target-ms 20]
        """);
    return 2;
}
