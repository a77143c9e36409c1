using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Communities;

internal sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Community.NameMaxLength).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(Community.DescriptionMaxLength);
        builder.HasIndex(c => c.Name).IsUnique();
        builder.HasOne(c => c.StreetOffice).WithMany(s => s.Communities)
            .HasForeignKey(c => c.StreetOfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}
