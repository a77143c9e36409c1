using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace CommunityService.Web.Shared.Mvc;

/// <summary>
/// Characters no typed text needs: C0 controls except tab, line feed and carriage return, DEL, the C1 controls, the
/// non-characters U+FFFE and U+FFFF, and halves of surrogate pairs. They arrive by pasting (Word's vertical tab for a
/// manual line break, BEL in table cells) or by probing, are invisible on the page, and break CSV, XML and terminals.
/// </summary>
public static partial class ControlCharacters
{
    public const string Message = "{0} held invisible control characters (for example from copying and pasting), which cannot be saved. They were removed below: please check the text and save again.";

    public static bool Has(string text) => Refused().IsMatch(text);

    public static string Remove(string text) => Refused().Replace(text, "");

    /// <summary>The fields whose posted value held a control character (set for the request by the two steps below).</summary>
    internal static readonly object FieldsKey = new();

    /// <summary>
    /// ASP.NET Core's form reader refuses a whole form that holds an encoded NUL (%00) with an exception, before any rule of
    /// ours could name the field; so an url-encoded body has its %00 taken out here and the fields noted, and the rest of
    /// the rule (<see cref="ControlCharacterFilter"/>) treats them like any other control character.
    /// </summary>
    public static IApplicationBuilder UseControlCharacterRule(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType
            && request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            && request.ContentLength is null or <= MaxRewrittenBody)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            if (body.Contains("%00", StringComparison.OrdinalIgnoreCase))
            {
                var fields = new List<string>();
                body = string.Join('&', body.Split('&').Select(pair =>
                {
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals < 0 || pair.IndexOf("%00", equals, StringComparison.OrdinalIgnoreCase) < 0)
                    {
                        return pair;
                    }
                    fields.Add(WebUtility.UrlDecode(pair[..equals]));
                    return pair[..(equals + 1)] + EncodedNul().Replace(pair[(equals + 1)..], "");
                }));
                context.Items[FieldsKey] = fields;
            }
            var bytes = Encoding.UTF8.GetBytes(body);
            request.Body = new MemoryStream(bytes);
            request.ContentLength = bytes.Length;
        }
        await next();
    });

    private const long MaxRewrittenBody = 8 * 1024 * 1024;

    [GeneratedRegex("%00", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedNul();

    // .NET regex works on UTF-16 code units: a surrogate is refused when it is not part of a high-low pair.
    [GeneratedRegex(@"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]")]
    private static partial Regex Refused();
}

/// <summary>
/// One rule for every posted form. Before model binding the posted values lose their control characters, so nothing
/// can store them whatever the action does with the form; then, before the action runs, each field that held some gets a
/// message naming it. Actions that check their form (<see cref="FormExtensions.ValidateFormAsync"/>) answer 400 with the
/// form filled in, already cleaned: the person sees what changed and saves again, without hunting for invisible
/// characters. Refusing rather than quietly stripping, because a removed character may have carried meaning (a line
/// break from Word) and the person should see the text that will be kept.
/// </summary>
public sealed class ControlCharacterFilter(IStringLocalizer<SharedResource> l, IServiceProvider services) : IAsyncResourceFilter, IAsyncActionFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.HasFormContentType && await ReadableFormAsync(request, context.HttpContext.RequestAborted) is { } form)
        {
            var found = form.Where(f => f.Value.Any(v => v is not null && ControlCharacters.Has(v))).Select(f => f.Key).ToList();
            if (found.Count > 0)
            {
                var cleaned = form.ToDictionary(f => f.Key, f => found.Contains(f.Key)
                    ? new StringValues(f.Value.Select(v => v is null ? v : ControlCharacters.Remove(v)).ToArray())
                    : f.Value);
                request.Form = new FormCollection(cleaned, form.Files);
                var fields = context.HttpContext.Items[ControlCharacters.FieldsKey] as List<string> ?? [];
                fields.AddRange(found.Except(fields));
                context.HttpContext.Items[ControlCharacters.FieldsKey] = fields;
            }
        }
        await next();
    }

    /// <summary>The posted form, or null when it breaks the form limits: model binding then refuses it as it always did (400).</summary>
    private static async Task<IFormCollection?> ReadableFormAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (context.HttpContext.Items[ControlCharacters.FieldsKey] is List<string> fields)
        {
            foreach (var field in fields.Where(f => f != "__RequestVerificationToken"))
            {
                context.ModelState.AddModelError(field, l[ControlCharacters.Message, NameOf(context, field)]);
            }
        }
        return next();
    }

    /// <summary>The field's name as its form's validator gives it (the label's words), else the field's own name localized.</summary>
    private string NameOf(ActionExecutingContext context, string field)
    {
        var member = Regex.Replace(field.Split('.')[^1], @"\[\d+\]$", "");
        foreach (var model in context.ActionArguments.Values.Where(a => a is not null && a.GetType().IsClass && a is not string))
        {
            var type = model!.GetType();
            if (field.Contains('.', StringComparison.Ordinal) || type.GetProperty(member) is null
                || services.GetService(typeof(IValidator<>).MakeGenericType(type)) is not IValidator validator)
            {
                continue;
            }
            var validation = (IValidationContext)Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(type), model)!;
            if (validator.CreateDescriptor().GetRulesForMember(member).FirstOrDefault() is { } rule && rule.GetDisplayName(validation) is { Length: > 0 } name)
            {
                return name;
            }
        }
        return l[member];
    }
}
