using CommunityService.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Privacy;

internal sealed class PrivacyRequestConfiguration : IEntityTypeConfiguration<PrivacyRequest>
{
    public void Configure(EntityTypeBuilder<PrivacyRequest> builder)
    {
        builder.Property(r => r.ResidentId).HasMaxLength(450).IsRequired();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ResidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Communities.Community>().WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Details).HasMaxLength(PrivacyRequest.TextMaxLength);
        builder.Property(r => r.ShouldBe).HasMaxLength(PrivacyRequest.TextMaxLength);
        builder.Property(r => r.Answer).HasMaxLength(PrivacyRequest.TextMaxLength);
        builder.Property(r => r.HandledById).HasMaxLength(450);
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.HasIndex(r => new { r.ResidentId, r.Kind, r.Status });
    }
}
