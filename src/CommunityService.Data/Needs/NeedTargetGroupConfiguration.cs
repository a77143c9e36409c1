using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Needs;

internal sealed class NeedTargetGroupConfiguration : IEntityTypeConfiguration<NeedTargetGroup>
{
    public void Configure(EntityTypeBuilder<NeedTargetGroup> builder)
    {
        builder.HasKey(g => new { g.NeedId, g.Group });
        builder.Property(g => g.Group).HasConversion<string>().HasMaxLength(20);
    }
}
