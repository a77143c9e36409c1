namespace CommunityService.Data;

/// <summary>
/// SQLite takes one writer at a time and its busy retry sleeps 150 ms, so with SQLite every SaveChanges
/// of the process queues here instead of colliding in the database. Registered only for SQLite.
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            return await write();
        }
        finally
        {
            gate.Release();
        }
    }

    public T Run<T>(Func<T> write)
    {
        gate.Wait();
        try
        {
            return write();
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
