using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace CommunityService.Web.Shared.Mvc;

/// <summary>
/// Where to go back to after a form or a switch: a local address only (never another site), without control characters,
/// and with anything outside ASCII percent-encoded, because a Location header can carry only ASCII (wapiti's
/// "/culture?returnUrl=¿" made the redirect itself throw, a 500).
/// </summary>
public static class ReturnUrls
{
    /// <summary><paramref name="fallback"/> is made from a route (<c>Url.Action</c>); when that finds none, the portal's root.</summary>
    public static string LocalOr(this IUrlHelper url, string? returnUrl, string? fallback)
    {
        if (string.IsNullOrEmpty(returnUrl) || !url.IsLocalUrl(returnUrl) || returnUrl.Any(char.IsControl))
        {
            return fallback ?? url.Content("~/");
        }
        if (returnUrl.All(char.IsAscii))
        {
            return returnUrl;
        }
        var encoded = new StringBuilder(returnUrl.Length * 3);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in returnUrl.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                encoded.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }
}
