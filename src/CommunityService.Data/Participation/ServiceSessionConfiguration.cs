using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Participation;

internal sealed class ServiceSessionConfiguration : IEntityTypeConfiguration<ServiceSession>
{
    public void Configure(EntityTypeBuilder<ServiceSession> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(ServiceSession.TitleMaxLength).IsRequired();
        builder.Property(s => s.Place).HasMaxLength(ServiceSession.PlaceMaxLength);
        builder.HasOne(s => s.Project).WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.ProjectId, s.StartsAt });
    }
}
