using System.Net;
using System.Text.RegularExpressions;

namespace CommunityService.IntegrationTests.Infrastructure;

public static partial class HttpForms
{
    /// <summary>GETs the page that holds the form (for its antiforgery token), then POSTs the fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        var token = await TokenFromAsync(client, formPage);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    public static async Task<string> TokenFromAsync(HttpClient client, string page)
    {
        var response = await client.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        var match = TokenInput().Match(html);
        if (!match.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {page} ({(int)response.StatusCode}).");
        }
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<string> BodyAsync(this HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    /// <summary>The redirect target as a local path, whether the server sent it absolute or relative.</summary>
    public static string? RedirectPath(this HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.PathAndQuery
        : location.OriginalString;

    [GeneratedRegex(""""name="__RequestVerificationToken" type="hidden" value="([^"]+)"""")]
    private static partial Regex TokenInput();
}
