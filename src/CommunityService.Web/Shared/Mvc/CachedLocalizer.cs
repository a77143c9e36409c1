using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Shared.Mvc;

/// <summary>
/// The resource-file localizers behind a cache of the strings they found. <see cref="ResourceManagerStringLocalizer"/> asks
/// the <see cref="System.Resources.ResourceManager"/> on every lookup, which takes a lock shared by every request; a page
/// looks up 50–100 strings, and with many requests on one core the profile showed them queueing on that lock. A string
/// found once is the same for the rest of the process (resource files are compiled in), so it is kept per culture and
/// name. Strings the files do not have are not kept (a name built from input must not grow the cache) and go to the
/// resource manager each time.
/// </summary>
public sealed class CachedStringLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<(Type? Source, string? BaseName, string? Location), IStringLocalizer> localizers = new();

    public IStringLocalizer Create(Type resourceSource) =>
        localizers.GetOrAdd((resourceSource, null, null), key => new CachedStringLocalizer(inner.Create(key.Source!)));

    public IStringLocalizer Create(string baseName, string location) =>
        localizers.GetOrAdd((null, baseName, location), key => new CachedStringLocalizer(inner.Create(key.BaseName!, key.Location!)));
}

/// <summary>One resource file's strings, looked up once per culture (see <see cref="CachedStringLocalizerFactory"/>).</summary>
public sealed class CachedStringLocalizer(IStringLocalizer inner) : IStringLocalizer
{
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> found = new();

    public LocalizedString this[string name]
    {
        get
        {
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (found.TryGetValue(key, out var kept))
            {
                return kept;
            }
            var value = inner[name];
            if (!value.ResourceNotFound)
            {
                found.TryAdd(key, value);
            }
            return value;
        }
    }

    /// <summary>Formats as <see cref="ResourceManagerStringLocalizer"/> does: the found format, or the name, with the current culture.</summary>
    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}
