using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Registry.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportJobsInDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registry_import_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    phase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    rows = table.Column<long>(type: "INTEGER", nullable: false),
                    total_rows = table.Column<long>(type: "INTEGER", nullable: true),
                    fraction = table.Column<double>(type: "REAL", nullable: false),
                    done = table.Column<bool>(type: "INTEGER", nullable: false),
                    failure = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    report = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_import_jobs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registry_import_jobs_owner_key_started_at",
                table: "registry_import_jobs",
                columns: new[] { "owner_key", "started_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_import_jobs");
        }
    }
}
