using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Communities;

internal sealed class CommunityProfileConfiguration : IEntityTypeConfiguration<CommunityProfile>
{
    public void Configure(EntityTypeBuilder<CommunityProfile> builder)
    {
        builder.HasOne(p => p.Community).WithMany().HasForeignKey(p => p.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.CommunityId, p.VersionNumber }).IsUnique();
        builder.Property(p => p.CreatedById).HasMaxLength(450);
        foreach (var text in new[] { nameof(CommunityProfile.Environment), nameof(CommunityProfile.History), nameof(CommunityProfile.Geography),
                     nameof(CommunityProfile.Facilities), nameof(CommunityProfile.Organizations), nameof(CommunityProfile.VolunteerBase) })
        {
            builder.Property<string>(text).HasMaxLength(CommunityProfile.TextMaxLength);
        }
        builder.Ignore(p => p.TotalResidents);
        builder.HasMany(p => p.Venues).WithOne().HasForeignKey(v => v.ProfileId);
    }
}
