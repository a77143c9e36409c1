using CommunityService.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Participation;

internal sealed class HomeVisitRequestConfiguration : IEntityTypeConfiguration<HomeVisitRequest>
{
    public void Configure(EntityTypeBuilder<HomeVisitRequest> builder)
    {
        builder.HasOne(r => r.Project).WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.ResidentId).HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ResidentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(r => r.AssignedWorker).WithMany().HasForeignKey(r => r.AssignedWorkerId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(r => r.AssignedWorkerId).HasMaxLength(450);
        builder.Property(r => r.CreatedById).HasMaxLength(450);
        builder.Property(r => r.Name).HasMaxLength(HomeVisitRequest.NameMaxLength).IsRequired();
        builder.Property(r => r.Phone).HasMaxLength(HomeVisitRequest.PhoneMaxLength);
        builder.Property(r => r.Address).HasMaxLength(HomeVisitRequest.AddressMaxLength);
        builder.Property(r => r.ProtectedNeed).HasMaxLength(HomeVisitRequest.ProtectedNeedMaxLength).IsRequired();
        builder.Property(r => r.DeclineReason).HasMaxLength(HomeVisitRequest.ReasonMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.PreferredTime).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => new { r.ProjectId, r.Status, r.CreatedAt });
        builder.HasIndex(r => new { r.ResidentId, r.CreatedAt });
    }
}
