using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Kernel.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoredFilesInDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kernel_stored_file_chunks",
                columns: table => new
                {
                    content_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    index = table.Column<int>(type: "INTEGER", nullable: false),
                    data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_stored_file_chunks", x => new { x.content_id, x.index });
                });

            migrationBuilder.CreateTable(
                name: "kernel_stored_files",
                columns: table => new
                {
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    content_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    length = table.Column<long>(type: "INTEGER", nullable: false),
                    chunks = table.Column<int>(type: "INTEGER", nullable: false),
                    stored_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_stored_files", x => x.hash);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_stored_files_content_id",
                table: "kernel_stored_files",
                column: "content_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kernel_stored_file_chunks");

            migrationBuilder.DropTable(
                name: "kernel_stored_files");
        }
    }
}
