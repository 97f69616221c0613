using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Kernel.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StoredFilesInDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "stored_file_chunks",
                schema: "kernel",
                columns: table => new
                {
                    content_id = table.Column<Guid>(type: "uuid", nullable: false),
                    index = table.Column<int>(type: "integer", nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stored_file_chunks", x => new { x.content_id, x.index });
                });

            // Files are mostly PDFs and photos, already compressed: kept out of line as they are, without a second try.
            migrationBuilder.Sql("ALTER TABLE kernel.stored_file_chunks ALTER COLUMN data SET STORAGE EXTERNAL;");

            migrationBuilder.CreateTable(
                name: "stored_files",
                schema: "kernel",
                columns: table => new
                {
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content_id = table.Column<Guid>(type: "uuid", nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    chunks = table.Column<int>(type: "integer", nullable: false),
                    stored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stored_files", x => x.hash);
                });

            migrationBuilder.CreateIndex(
                name: "ix_stored_files_content_id",
                schema: "kernel",
                table: "stored_files",
                column: "content_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stored_file_chunks",
                schema: "kernel");

            migrationBuilder.DropTable(
                name: "stored_files",
                schema: "kernel");
        }
    }
}
