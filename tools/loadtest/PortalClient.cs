using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace CommunityService.LoadTest;

/// <summary>The portal's answer: Status 0 when none came (connection refused or reset, timeout).</summary>
internal sealed record Answer(int Status, string Body, string? Location)
{
    public bool Redirected(string to) => Status == 302 && Location == to;
}

/// <summary>One browser: its own cookies, no automatic redirects (a write is acknowledged by its 302), timing every request.</summary>
internal sealed partial class PortalClient : IDisposable
{
    private readonly HttpClient http;
    private readonly Stats stats;
    private readonly bool gateway;

    /// <param name="gateway">A load balancer stands in front: its 502 and 504 mean the instance did not answer.</param>
    public PortalClient(Uri baseUri, TimeSpan timeout, X509Certificate2? pinned, Stats stats, bool gateway = false)
    {
        this.stats = stats;
        this.gateway = gateway;
        var handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            UseCookies = true,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
        };
        // The portal under test serves a throwaway self-signed certificate (--cert): that one is accepted, no other.
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None || (pinned is not null && certificate is not null
                && certificate.GetCertHashString(HashAlgorithmName.SHA256) == pinned.GetCertHashString(HashAlgorithmName.SHA256));
        http = new HttpClient(handler, disposeHandler: true) { BaseAddress = baseUri, Timeout = timeout };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("CommunityService-loadtest/1.0");
    }

    /// <summary>A page read: 200 expected.</summary>
    public Task<Answer> GetAsync(string path, string label) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/')), RequestKind.Read, label, a => a.Status == 200);

    /// <summary>A form post with the antiforgery token of the form page; expected: the redirect to <paramref name="success"/>.</summary>
    public Task<Answer> PostAsync(string path, string token, IEnumerable<KeyValuePair<string, string>> fields, RequestKind kind, string label, string success) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/'))
        {
            Content = new FormUrlEncodedContent(fields.Prepend(new("__RequestVerificationToken", token))),
        }, kind, label, a => a.Redirected(success));

    public static string? Token(string html) => TokenField().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    private async Task<Answer> SendAsync(Func<HttpRequestMessage> make, RequestKind kind, string label, Func<Answer, bool> expected)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = make();
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (gateway && response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout)
            {
                // Not the portal's answer: the instance the load balancer chose did not give one (as a reset connection).
                stats.Failed(label, $"{(int)response.StatusCode} from the load balancer");
                return new Answer(0, "", null);
            }
            var answer = new Answer((int)response.StatusCode, body, response.Headers.Location?.OriginalString);
            stats.Answered(kind, label, answer.Status, Stopwatch.GetElapsedTime(started).TotalMilliseconds, expected(answer), body);
            return answer;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            stats.Failed(label, e.GetBaseException().Message);
            return new Answer(0, "", null);
        }
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
