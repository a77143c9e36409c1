using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Communities;

internal sealed class ProfileVenueConfiguration : IEntityTypeConfiguration<ProfileVenue>
{
    public void Configure(EntityTypeBuilder<ProfileVenue> builder)
    {
        builder.Property(v => v.Name).HasMaxLength(ProfileVenue.NameMaxLength).IsRequired();
        builder.Property(v => v.UnitName).HasMaxLength(ProfileVenue.NameMaxLength);
        builder.Property(v => v.Owner).HasConversion<string>().HasMaxLength(20);
    }
}
