using System.Text.Json;
using System.Text.Json.Nodes;
using VehicleImages.Application.Admin;
using VehicleImages.Storage.Audit;

namespace VehicleImages.Application.Audit;

/// <summary>
/// Records admin changes in the audit log: who, when, what, and the state before and after. For a change (both
/// states given) only the fields that differ are kept, so an entry reads as what was changed.
/// </summary>
public sealed class AuditTrail(IAuditLog log, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RecordAsync(AdminActor actor, string action, string subject, object? before, object? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (was, now) = (Node(before), Node(after));
        if (was is JsonObject old && now is JsonObject @new)
        {
            foreach (var name in old.Select(p => p.Key).Intersect(@new.Select(p => p.Key)).ToList())
            {
                if (JsonNode.DeepEquals(old[name], @new[name]))
                {
                    old.Remove(name);
                    @new.Remove(name);
                }
            }
        }

        await log.AppendAsync(
            new AuditEntry(0, clock.GetUtcNow(), actor.KeyId, actor.Name, actor.Prefix, action, subject, was?.ToJsonString(), now?.ToJsonString()),
            cancellationToken);
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken) => log.ListAsync(query, cancellationToken);

    private static JsonNode? Node(object? state) => state is null ? null : JsonSerializer.SerializeToNode(state, state.GetType(), Json);
}
