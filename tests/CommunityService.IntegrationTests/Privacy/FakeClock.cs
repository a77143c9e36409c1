namespace CommunityService.IntegrationTests.Privacy;

/// <summary>A clock the test sets: years pass in one line.</summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
