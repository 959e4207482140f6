using VehicleImages.Storage.Audit;

namespace VehicleImages.Storage.Tests.Audit;

/// <summary>What every audit log must do.</summary>
public abstract class AuditLogContract : IAsyncLifetime
{
    private static readonly Guid Admin = Guid.Parse("0197a000-0000-7000-8000-00000000000a");
    private static readonly DateTimeOffset Noon = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    protected IAuditLog Log { get; private set; } = null!;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected abstract Task<IAuditLog> OpenEmptyAsync();

    public async ValueTask InitializeAsync() => Log = await OpenEmptyAsync();

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await CloseAsync();
    }

    protected virtual ValueTask CloseAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task An_appended_entry_reads_back_with_every_field_and_its_new_id()
    {
        var entry = Entry("image:00000000000000aa", "image.relabel") with { Before = "{\"view\":\"left\"}", After = "{\"view\":\"rear\"}" };

        var id = await Log.AppendAsync(entry with { Id = 999 }, Cancel);

        Assert.Equal([entry with { Id = id }], await Log.ListAsync(new AuditQuery(), Cancel));
    }

    [Fact]
    public async Task Entries_come_newest_first_with_increasing_ids()
    {
        var first = await Log.AppendAsync(Entry("key:1", "key.create") with { Before = null }, Cancel);
        var second = await Log.AppendAsync(Entry("key:1", "key.revoke"), Cancel);
        var third = await Log.AppendAsync(Entry("image:2", "image.delete") with { After = null }, Cancel);

        var listed = await Log.ListAsync(new AuditQuery(), Cancel);

        Assert.True(first < second && second < third);
        Assert.Equal([third, second, first], listed.Select(e => e.Id));
        Assert.Null(listed[0].After);
        Assert.Null(listed[2].Before);
    }

    [Fact]
    public async Task A_subjects_history_pages_backwards_from_an_entry()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await Log.AppendAsync(Entry("image:7", $"image.relabel{i}"), Cancel));
            await Log.AppendAsync(Entry("image:8", "image.relabel"), Cancel);
        }

        var newest = await Log.ListAsync(new AuditQuery("image:7", Limit: 2), Cancel);
        var older = await Log.ListAsync(new AuditQuery("image:7", BeforeId: newest[^1].Id, Limit: 2), Cancel);
        var oldest = await Log.ListAsync(new AuditQuery("image:7", BeforeId: older[^1].Id, Limit: 2), Cancel);

        Assert.Equal([ids[4], ids[3], ids[2], ids[1], ids[0]], newest.Concat(older).Concat(oldest).Select(e => e.Id));
        Assert.All(newest.Concat(older).Concat(oldest), e => Assert.Equal("image:7", e.Subject));
        Assert.Empty(await Log.ListAsync(new AuditQuery("image:9"), Cancel));
    }

    private static AuditEntry Entry(string subject, string action) =>
        new(0, Noon, Admin, "operator", "vik_Q2xh", action, subject, "{\"a\":1}", "{\"a\":2}");
}
