using System.Globalization;
using CommunityService.Web;
using CommunityService.Web.Shared.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommunityService.UnitTests.Localization;

/// <summary>The cache in front of the resource files gives exactly what the resource files give, in each culture.</summary>
public class CachedLocalizerTests
{
    private static readonly ResourceManagerStringLocalizerFactory ResourceFiles =
        new(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);

    private static T In<T>(string culture, Func<T> read)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    [Theory]
    [InlineData("zh-CN", "共 1234 份答卷")]
    [InlineData("en", "1234 answers")]
    public void A_string_read_twice_is_what_the_resource_file_says_in_the_culture_asked(string culture, string expected)
    {
        var cached = new CachedStringLocalizerFactory(ResourceFiles).Create(typeof(SharedResource));
        var files = ResourceFiles.Create(typeof(SharedResource));

        var first = In(culture, () => cached["{0} answers", 1234]);
        var second = In(culture, () => cached["{0} answers", 1234]);

        Assert.Equal(expected, first.Value);
        Assert.Equal(first.Value, second.Value);
        Assert.Equal(In(culture, () => files["{0} answers", 1234].Value), second.Value);
        Assert.False(second.ResourceNotFound);
    }

    [Fact]
    public void The_same_localizer_follows_the_culture_of_each_request()
    {
        var cached = new CachedStringLocalizerFactory(ResourceFiles).Create(typeof(SharedResource));

        Assert.Equal("共 3 份答卷", In("zh-CN", () => cached["{0} answers", 3].Value));
        Assert.Equal("3 answers", In("en", () => cached["{0} answers", 3].Value));
        Assert.Equal("共 3 份答卷", In("zh-CN", () => cached["{0} answers", 3].Value));
    }

    [Fact]
    public void A_name_the_files_lack_comes_back_as_itself_and_marked_not_found_every_time()
    {
        var cached = new CachedStringLocalizerFactory(ResourceFiles).Create(typeof(SharedResource));

        for (var i = 0; i < 2; i++)
        {
            var missing = In("zh-CN", () => cached["No such string {0}", 7]);
            Assert.Equal("No such string 7", missing.Value);
            Assert.True(missing.ResourceNotFound);
        }
    }

    [Fact]
    public void One_localizer_per_resource_type_is_kept_for_the_process()
    {
        var factory = new CachedStringLocalizerFactory(ResourceFiles);

        Assert.Same(factory.Create(typeof(SharedResource)), factory.Create(typeof(SharedResource)));
    }
}
