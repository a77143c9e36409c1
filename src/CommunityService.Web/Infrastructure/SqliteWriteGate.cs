using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommunityService.Web.Infrastructure;

/// <summary>
/// SQLite takes one writer at a time and its busy retry sleeps 150 ms, so concurrent saves queue here,
/// in the process, instead of colliding in the database. Registered only for the SQLite provider.
/// </summary>
public sealed class SqliteWriteGate : SaveChangesInterceptor, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        gate.Wait();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        gate.Release();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        gate.Release();
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => gate.Release();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        gate.Release();
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => gate.Release();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        gate.Release();
        return Task.CompletedTask;
    }

    public void Dispose() => gate.Dispose();
}
