// JavaScript runs: the page may use what needs it (the collapsed menu's toggle). Without it, the body
// keeps its "no-js" class and static/css/axs.css shows the menu expanded (templates/base.html).
document.body.classList.remove("no-js");
