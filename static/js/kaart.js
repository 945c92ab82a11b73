/*
 * The map of the sociale kaart, made with Leaflet (served from our own domain).
 *
 * Progressive enhancement: without JavaScript the map stays hidden and the page
 * shows the text alternative and the list of places. The data comes from a
 * <script type="application/json" id="kaart-data"> block, which the
 * Content-Security-Policy allows because the browser never runs it.
 *
 * Keyboard: Tab reaches every pin (and every group of pins); Enter opens it.
 * The popup gets the focus; Escape closes it and the focus returns to the pin.
 */
(function () {
  "use strict";

  var element = document.getElementById("kaart");
  var bron = document.getElementById("kaart-data");
  if (!element || !bron || typeof window.L === "undefined") {
    return;
  }
  var L = window.L;
  var gegevens;
  try {
    gegevens = JSON.parse(bron.textContent);
  } catch (fout) {
    return;
  }
  var plekken = gegevens.plekken || [];
  if (!plekken.length) {
    return;
  }

  element.hidden = false;
  Array.prototype.forEach.call(document.querySelectorAll("[data-met-js]"), function (el) {
    el.hidden = false;
  });

  var kaart = L.map(element, { zoomControl: false, scrollWheelZoom: false });
  L.control.zoom({ zoomInTitle: "Inzoomen", zoomOutTitle: "Uitzoomen" }).addTo(kaart);
  kaart.attributionControl.setPrefix(false);
  L.tileLayer(gegevens.tegels, {
    minZoom: 6,
    maxZoom: 19,
    attribution: gegevens.attributie,
  }).addTo(kaart);

  var icoon = L.icon({
    iconUrl: gegevens.icoon.url,
    iconRetinaUrl: gegevens.icoon.url2x,
    shadowUrl: gegevens.icoon.schaduw,
    iconSize: [25, 41],
    iconAnchor: [12, 41],
    popupAnchor: [1, -34],
    shadowSize: [41, 41],
  });

  function tekst(tag, inhoud, klasse) {
    var el = document.createElement(tag);
    if (klasse) {
      el.className = klasse;
    }
    el.textContent = inhoud;
    return el;
  }

  function link(url, inhoud) {
    var a = tekst("a", inhoud, "utrecht-link");
    a.href = url;
    return a;
  }

  // Built with DOM methods and textContent: names from the database are never parsed as HTML.
  function popupInhoud(plek) {
    var div = document.createElement("div");
    div.className = "kaart-popup";
    div.appendChild(tekst("p", plek.naam, "kaart-popup__naam"));
    if (plek.adres && plek.adres.length) {
      var adres = document.createElement("p");
      adres.className = "kaart-popup__adres";
      plek.adres.forEach(function (regel, index) {
        if (index) {
          adres.appendChild(document.createElement("br"));
        }
        adres.appendChild(document.createTextNode(regel));
      });
      div.appendChild(adres);
    }
    if (plek.links && plek.links.length) {
      var lijst = document.createElement("ul");
      lijst.className = "kaart-popup__links";
      plek.links.forEach(function (item) {
        var li = document.createElement("li");
        li.appendChild(link(item.url, item.tekst));
        lijst.appendChild(li);
      });
      div.appendChild(lijst);
    }
    if (plek.route) {
      var route = document.createElement("p");
      route.appendChild(link(plek.route, "Route plannen (OpenStreetMap)"));
      div.appendChild(route);
    }
    return div;
  }

  var groeperen = typeof L.markerClusterGroup === "function" && plekken.length > 1;
  var groep = groeperen
    ? L.markerClusterGroup({
        showCoverageOnHover: false,
        maxClusterRadius: 40,
        disableClusteringAtZoom: 16,
        iconCreateFunction: function (cluster) {
          var aantal = cluster.getChildCount();
          return L.divIcon({
            html:
              '<span aria-hidden="true">' + aantal + '</span><span class="visually-hidden">' + aantal +
              " plekken bij elkaar. Druk op Enter om in te zoomen.</span>",
            className: "kaart-groep",
            iconSize: L.point(40, 40),
          });
        },
      })
    : L.featureGroup();

  var markers = plekken.map(function (plek) {
    var marker = L.marker([plek.lat, plek.lon], {
      icon: icoon,
      alt: plek.naam,
      title: plek.naam,
      keyboard: true,
      riseOnHover: true,
    });
    marker.bindPopup(popupInhoud(plek), { maxWidth: 280, autoPanPadding: [24, 24] });
    return marker;
  });
  if (groeperen) {
    groep.addLayers(markers);
  } else {
    markers.forEach(function (marker) {
      groep.addLayer(marker);
    });
  }
  kaart.addLayer(groep);

  if (plekken.length === 1) {
    kaart.setView([plekken[0].lat, plekken[0].lon], 15);
  } else {
    kaart.fitBounds(L.latLngBounds(plekken.map(function (p) { return [p.lat, p.lon]; })), {
      padding: [32, 32],
      maxZoom: 15,
    });
  }

  var popupOpen = false;
  element.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && popupOpen) {
      kaart.closePopup();
    }
  });

  kaart.on("popupopen", function (e) {
    popupOpen = true;
    var popup = e.popup.getElement();
    if (!popup) {
      return;
    }
    var sluiten = popup.querySelector(".leaflet-popup-close-button");
    if (sluiten) {
      sluiten.setAttribute("aria-label", "Sluiten");
      sluiten.title = "Sluiten";
    }
    var eerste = popup.querySelector(".kaart-popup a");
    if (eerste) {
      eerste.focus({ preventScroll: true });
    }
  });
  kaart.on("popupclose", function (e) {
    popupOpen = false;
    var bronMarker = e.popup._source;
    var popup = e.popup.getElement();
    var focusInPopup = popup && popup.contains(document.activeElement);
    if (bronMarker && bronMarker.getElement && (focusInPopup || document.activeElement === document.body)) {
      var pin = bronMarker.getElement();
      if (pin) {
        pin.focus({ preventScroll: true });
      }
    }
  });
})();
