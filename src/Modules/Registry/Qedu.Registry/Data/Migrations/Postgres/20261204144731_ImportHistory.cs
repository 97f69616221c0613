using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Registry.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ImportHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "import_history",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    owner_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    file_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    rows_written = table.Column<long>(type: "bigint", nullable: false),
                    dry_run = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_history", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_import_history_owner_key_started_at",
                schema: "registry",
                table: "import_history",
                columns: new[] { "owner_key", "started_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "import_history",
                schema: "registry");
        }
    }
}
