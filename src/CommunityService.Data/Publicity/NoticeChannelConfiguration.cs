using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Publicity;

internal sealed class NoticeChannelConfiguration : IEntityTypeConfiguration<NoticeChannel>
{
    public void Configure(EntityTypeBuilder<NoticeChannel> builder)
    {
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Where).HasMaxLength(NoticeChannel.WhereMaxLength);
    }
}
