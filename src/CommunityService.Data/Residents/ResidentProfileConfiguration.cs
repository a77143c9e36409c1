using CommunityService.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Residents;

internal sealed class ResidentProfileConfiguration : IEntityTypeConfiguration<ResidentProfile>
{
    public void Configure(EntityTypeBuilder<ResidentProfile> builder)
    {
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<ResidentProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.FullName).HasMaxLength(ResidentProfile.NameMaxLength).IsRequired();
        builder.Property(p => p.Phone).HasMaxLength(ResidentProfile.PhoneMaxLength);
        builder.Property(p => p.Address).HasMaxLength(ResidentProfile.AddressMaxLength);
        builder.Property(p => p.Household).HasMaxLength(ResidentProfile.HouseholdMaxLength);
        builder.Property(p => p.ProtectedFacts).HasMaxLength(ResidentProfile.ProtectedFactsMaxLength).IsRequired();
        builder.Property(p => p.SensitiveConsentWording).HasMaxLength(ConsentRecord.WordingVersionMaxLength);
        builder.HasOne(p => p.Community).WithMany().HasForeignKey(p => p.CommunityId).OnDelete(DeleteBehavior.Restrict);
    }
}
