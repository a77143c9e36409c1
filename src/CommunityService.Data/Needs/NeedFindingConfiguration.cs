using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Needs;

internal sealed class NeedFindingConfiguration : IEntityTypeConfiguration<NeedFinding>
{
    public void Configure(EntityTypeBuilder<NeedFinding> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(NeedFinding.TextMaxLength).IsRequired();
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.CreatedById).HasMaxLength(450);
        builder.HasOne(n => n.Community).WithMany().HasForeignKey(n => n.CommunityId).OnDelete(DeleteBehavior.Restrict);
    }
}
