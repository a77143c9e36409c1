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

    /// <summary>
    /// What a browser does: GETs the page, takes the values of the form that posts to <paramref name="action"/> as the
    /// page filled them in (inputs, checked boxes, selected options, text areas), changes <paramref name="changes"/>, and POSTs.
    /// </summary>
    public static Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string formPage, string action, Dictionary<string, string>? changes = null) =>
        client.SubmitFormAsync(formPage, a => a == action, action, changes);

    /// <summary>The same, for the first form whose action <paramref name="matches"/> (e.g. an address whose query carries route values); it posts there.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string formPage, Func<string, bool> matches, string described,
        Dictionary<string, string>? changes = null)
    {
        var html = await (await client.GetAsync(formPage)).Content.ReadAsStringAsync();
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var form = document.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action") is { } a && matches(a))
            ?? throw new InvalidOperationException($"No form posting to {described} on {formPage}.");
        var action = form.GetAttribute("action")!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case AngleSharp.Html.Dom.IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked:
                case AngleSharp.Html.Dom.IHtmlInputElement { Type: "submit" or "button" }:
                    continue;
                case AngleSharp.Html.Dom.IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case AngleSharp.Html.Dom.IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case AngleSharp.Html.Dom.IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? ""));
                    break;
            }
        }
        foreach (var (name, value) in changes ?? [])
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
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

    /// <summary>The page with every antiforgery token's value blanked, so that two answers can be compared as a whole.</summary>
    public static string WithoutTokens(string html) => TokenInput().Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"\"");

    /// <summary>The redirect target as a local path, whether the server sent it absolute or relative.</summary>
    public static string? RedirectPath(this HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.PathAndQuery
        : location.OriginalString;

    [GeneratedRegex(""""name="__RequestVerificationToken" type="hidden" value="([^"]+)"""")]
    private static partial Regex TokenInput();
}
