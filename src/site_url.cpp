// URLs of site paths, from the configuration's url and mount prefix.
#include "site_url.h"

#include "config.h"

namespace folio {

std::string link_to(const Config& config, const std::string& target) {
    if (!target.empty() && target[0] == '/' && (target.size() < 2 || target[1] != '/')) return config.site.base_path + target;
    return target;
}

std::string absolute_url(const Config& c, const std::string& path) { return c.site.url + c.site.base_path + path; }

}  // namespace folio
