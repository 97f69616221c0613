using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Registry.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registry_import_history",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    owner_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    rows_written = table.Column<long>(type: "INTEGER", nullable: false),
                    dry_run = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_import_history", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registry_import_history_owner_key_started_at",
                table: "registry_import_history",
                columns: new[] { "owner_key", "started_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_import_history");
        }
    }
}
