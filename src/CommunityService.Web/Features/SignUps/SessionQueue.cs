namespace CommunityService.Web.Features.SignUps;

/// <summary>
/// Changes to one session's list wait for each other in this process, so eight residents taking places in the same
/// session at the same moment are served one after the other instead of all reading the same count, all but one
/// failing on the session's concurrency token, and retrying. The token still guards against another instance; on one
/// instance a retry no longer happens. Striped: sessions share a few locks, which is harmless (a list change is short).
/// </summary>
public sealed class SessionQueue(bool enabled = true) : IDisposable
{
    /// <summary>The setting that turns the queue off: correctness rests on the session's concurrency token, the queue only spares retries.</summary>
    public const string Setting = "SignUps:QueueInProcess";

    private const int Stripes = 64;
    private readonly SemaphoreSlim[] locks = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<Turn> EnterAsync(int sessionId, CancellationToken ct)
    {
        if (!enabled)
        {
            return default;
        }
        var gate = locks[(uint)sessionId % Stripes];
        await gate.WaitAsync(ct);
        return new Turn(gate);
    }

    public void Dispose()
    {
        foreach (var gate in locks)
        {
            gate.Dispose();
        }
    }

    /// <summary>Held while a session's list is read, changed and saved; disposing it lets the next change in.</summary>
    public readonly struct Turn(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
