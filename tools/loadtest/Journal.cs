namespace CommunityService.LoadTest;

/// <summary>
/// The acknowledged writes, one line each (kind, key, key, unix ms), appended and flushed as soon as the portal has
/// answered with the success redirect: a journal line is never written for a write the portal did not confirm, and it
/// is in the file before the client sends its next request, so the check survives a crash of the portal.
/// </summary>
internal sealed class Journal : IDisposable
{
    private readonly Lock gate = new();
    private readonly StreamWriter writer;

    public Journal(string path)
    {
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        writer = new StreamWriter(stream) { AutoFlush = false };
    }

    public void Write(string kind, string key, string key2 = "")
    {
        var line = $"{kind}\t{key}\t{key2}\t{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}";
        lock (gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    public void Dispose() => writer.Dispose();
}
