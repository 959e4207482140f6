using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using VehicleImages.Api.Http;
using VehicleImages.Application.Admin;
using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Jobs;
using VehicleImages.Application.Ingest.Manifests;
using VehicleImages.Storage;

namespace VehicleImages.Api.Admin;

/// <summary>One item that was not ingested, or that was with a warning.</summary>
public sealed record IngestRejectionAnswer(string Item, string Reason, string Message);

/// <summary>What an ingest did: counts, rejections by reason and one by one, and flagged images by reason.</summary>
public sealed record IngestSummaryAnswer(
    int Items, int Ingested, int Duplicates, int Rejected, IReadOnlyDictionary<string, int> RejectedByReason, IReadOnlyDictionary<string, int> FlaggedByReason,
    IReadOnlyList<IngestRejectionAnswer> Rejections, IReadOnlyList<IngestRejectionAnswer> Warnings, double ElapsedSeconds);

/// <summary>An ingest job: queued, running (done of total, and the item last finished), finished with its summary, or failed.</summary>
public sealed record IngestJobAnswer(
    Guid Id, string State, string StartedBy, DateTimeOffset StartedAt, int Done, int Total, string Current, IngestSummaryAnswer? Summary, string? Error);

/// <summary>
/// Ingest from the browser: <c>POST /v1/admin/ingests</c> takes images, or a CSV/JSONL manifest with its images or
/// with http(s) URLs, and runs the ingest pipeline in the background; <c>GET /v1/admin/ingests/{id}</c> reports it.
/// </summary>
public static class IngestEndpoints
{
    public static IEndpointRouteBuilder MapIngestAdmin(this IEndpointRouteBuilder routes)
    {
        var admin = AdminApi.Group(routes);
        admin.MapPost("/ingests", StartAsync)
            .WithSummary("Upload images or a manifest (multipart/form-data) and ingest them in the background; 202 with the job.")
            .WithDescription(
                "File parts: images, and CSV or JSONL manifests whose rows name the uploaded files or http(s) URLs. Text parts give labels for what " +
                "rows and bare images leave blank, named as manifest columns: make, model, year, trim, body, view, colour, licence, source, photo_type.")
            .Produces<IngestJobAnswer>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        admin.MapGet("/ingests", (IngestJobs jobs) => TypedResults.Ok(jobs.Recent().Select(j => Answer(j.Status)).ToList()))
            .WithSummary("The ingest jobs this server process remembers, newest first.").Produces<IReadOnlyList<IngestJobAnswer>>();
        admin.MapGet("/ingests/{id:guid}", (Guid id, IngestJobs jobs) => jobs.Find(id) is { } job ? TypedResults.Ok(Answer(job.Status)) : Problems.NotFound($"No ingest job {id} on this server process."))
            .WithSummary("One ingest job: its progress while it runs, then its summary.").Produces<IngestJobAnswer>().ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<IResult> StartAsync(
        HttpContext context, IngestJobs jobs, AdminOptions options, IOptions<StorageOptions> storage, CancellationToken cancellationToken)
    {
        var (upload, problem) = await UploadReceiver.ReceiveAsync(context, storage.Value.DataDirectory, options, cancellationToken);
        if (upload is null)
        {
            return problem!;
        }

        var (_, defaults) = ManifestColumns.Read(upload.Fields);
        var job = jobs.Start(upload.Folder, defaults, AdminApi.Actor(context));
        return TypedResults.Accepted($"{AdminApi.Prefix}/ingests/{job.Id}", Answer(job.Status));
    }

    private static IngestJobAnswer Answer(IngestJobStatus job) => new(
        job.Id, job.State.ToString().ToLowerInvariant(), $"{job.StartedBy.Name} ({job.StartedBy.Prefix})", job.StartedAt,
        job.Progress.Done, job.Progress.Total, job.Progress.Current, job.Summary is { } summary ? Summary(summary) : null, job.Error);

    private static IngestSummaryAnswer Summary(IngestSummary summary) => new(
        summary.Items, summary.Ingested, summary.Duplicates, summary.Rejected, summary.RejectedByReason, summary.FlaggedByReason,
        [.. summary.Rejections.Select(Rejection)], [.. summary.Warnings.Select(Rejection)], summary.ElapsedSeconds);

    private static IngestRejectionAnswer Rejection(RejectedItem item) => new(item.Item, item.Reason, item.Message);
}
