using CommunityService.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Residents;

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.Property(c => c.UserId).HasMaxLength(450).IsRequired();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.WordingVersion).HasMaxLength(ConsentRecord.WordingVersionMaxLength);
        builder.Property(c => c.WordingText).HasMaxLength(ConsentRecord.WordingTextMaxLength);
        builder.HasIndex(c => new { c.UserId, c.At });
    }
}
