using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Publicity;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(Notice.TitleMaxLength).IsRequired();
        builder.Property(n => n.Body).HasMaxLength(Notice.BodyMaxLength);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(n => new { n.Status, n.PublishedAt });
    }
}
