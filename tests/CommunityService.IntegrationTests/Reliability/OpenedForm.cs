using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace CommunityService.IntegrationTests.Reliability;

/// <summary>
/// A form as a browser tab holds it: the page was drawn once (with the record's hidden Version and the antiforgery
/// token), and the person submits it later, perhaps after someone else saved the same record.
/// </summary>
public sealed class OpenedForm
{
    private readonly HttpClient client;
    private readonly List<KeyValuePair<string, string>> fields;

    private OpenedForm(HttpClient client, string action, List<KeyValuePair<string, string>> fields)
    {
        this.client = client;
        Action = action;
        this.fields = fields;
    }

    public string Action { get; }

    public string? this[string name] => fields.FirstOrDefault(f => f.Key == name).Value;

    public static async Task<OpenedForm> OpenAsync(HttpClient client, string page, string action)
    {
        var response = await client.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"No form posting to {action} on {page} ({(int)response.StatusCode}).");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked:
                case IHtmlInputElement { Type: "submit" or "button" }:
                    continue;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? ""));
                    break;
            }
        }
        return new OpenedForm(client, action, fields);
    }

    /// <summary>Posts the form as drawn, with <paramref name="changes"/> typed over it.</summary>
    public Task<HttpResponseMessage> SubmitAsync(Dictionary<string, string>? changes = null)
    {
        var posted = fields.Where(f => changes is null || !changes.ContainsKey(f.Key)).ToList();
        posted.AddRange(changes ?? []);
        return client.PostAsync(Action, new FormUrlEncodedContent(posted));
    }
}
