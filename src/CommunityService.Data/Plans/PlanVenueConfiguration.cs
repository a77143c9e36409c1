using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Plans;

internal sealed class PlanVenueConfiguration : IEntityTypeConfiguration<PlanVenue>
{
    public void Configure(EntityTypeBuilder<PlanVenue> builder)
    {
        builder.Property(v => v.Name).HasMaxLength(PlanVenue.NameMaxLength).IsRequired();
        builder.Property(v => v.UnitName).HasMaxLength(PlanVenue.NameMaxLength);
        builder.Property(v => v.Owner).HasConversion<string>().HasMaxLength(20);
    }
}
